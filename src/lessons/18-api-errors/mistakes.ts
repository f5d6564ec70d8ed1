// The mistakes of lesson 18's scenario: the message the engine gives for each (the API server's wording,
// or the YAML reader's for text that cannot be read), and the edit that fixes it. lesson.test.ts checks
// every message against the engine, so the lesson never quotes a message the learner will not see.

export const MESSAGES = {
  tab: "YAML syntax error: Tabs are not allowed as indentation",
  colon: "YAML syntax error: Implicit map keys need to be followed by map values",
  protocol: 'spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
  nodePort:
    "spec.ports[0].nodePort: Invalid value: 3020: provided port is not in the valid range. The range of valid ports is 30000-32767",
  name: "spec.ports[0].name: Required value",
} as const;

/** The tab before `targetPort` becomes spaces, lined up under `port:`. */
export const fixTab = (t: string): string => t.replace(/^\t+(?=targetPort)/m, "      ");

/** `targetPort:80` becomes `targetPort: 80`. */
export const fixColon = (t: string): string => t.replace(/^([ \t]*targetPort):(?=\S)/m, "$1: ");

/** `protocol: tcp` becomes `protocol: TCP`. */
export const fixProtocol = (t: string): string =>
  t.replace(/^([ \t]*(?:- )?protocol:[ \t]*)tcp[ \t]*$/m, "$1TCP");

/** The out-of-range `nodePort: 3020` line goes: the API server then allocates a free port. */
export const dropNodePort = (t: string): string => t.replace(/^[ \t]*nodePort:[ \t]*3020[ \t]*\n/m, "");

/** crane-http's two ports get names. */
const nameCranePorts = (t: string): string =>
  t
    .replace(
      /^([ \t]*)- port: 80\n([ \t]*)targetPort: 8080/m,
      "$1- name: http\n$2port: 80\n$2targetPort: 8080",
    )
    .replace(
      /^([ \t]*)- port: 443\n([ \t]*)targetPort: 8443/m,
      "$1- name: https\n$2port: 443\n$2targetPort: 8443",
    );

/** Every fix, for "Show me": each one leaves text it does not recognise alone. */
export const fixAll = (t: string): string => nameCranePorts(dropNodePort(fixProtocol(fixColon(fixTab(t)))));
