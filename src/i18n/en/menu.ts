// An object's context menu on the graph (and the same actions' names in the inspector).
export const menu = {
  "menu.actionsFor": "Actions for {what}",
  "menu.nothing": "Nothing to do here",
  "menu.object.svc": "Service {name}",
  "menu.object.pod": "pod {name}",
  "menu.object.node": "node {name}",
  "menu.object.client": "client {name}",
  "menu.object.lb": "lb {name}",
  "menu.failNode": "Fail node",
  "menu.recoverNode": "Recover node",
  "menu.deletePod": "Delete pod",
  "menu.alreadyTerminating": "The pod is already terminating",
  "menu.scale": "Scale {name} to {replicas}",
  "menu.noReplicas": "No replicas left to remove",
  "menu.field": "{field}: {value}",
};
