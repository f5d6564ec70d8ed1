// The usage text of every command (printed by --help, and to stderr when no command is given).
import { MAX_INPUT_MB } from "./readInput";

const USAGE: Record<string, string> = {
  validate: "validate FILES...                 check manifests as the API server would; exit 1 on any error",
  explain:
    "explain FILES... --node NAME --src IP --dst IP:PORT [--protocol TCP|UDP|SCTP|ICMP]\n" +
    "explain FILES... --queries FILE.jsonl   what kube-proxy on a node does with a new connection's packet",
  trace:
    "trace FILES... --from client:NAME|pod:NS/NAME|node:NAME|ip:ADDR --to IP:PORT|NAME:PORT [--seed N] [--protocol P]\n" +
    "                                  follow one connection hop by hop, and its reply",
  simulate:
    "simulate FILES... --script SCRIPT.yaml [--seed N] [--events]\n" +
    "                                  run timed actions (send, burst, rate, wait, failNode, recoverNode,\n" +
    "                                  deletePod, scale, apply) and print the metrics of each traffic phase",
  rules:
    "rules FILES... --node NAME [--family 4|6]   kube-proxy's rules on the node: iptables-save, or nft list table",
  env: "env FILES... --pod NS/NAME         the service environment variables kubelet gives the pod",
  resolve:
    "resolve FILES... --pod NS/NAME --name NAME [--type A|AAAA|SRV]   what the pod's DNS lookup returns",
};

export function usage(command?: string): string {
  const one = command !== undefined && Object.hasOwn(USAGE, command);
  const lines = one ? [USAGE[command]!] : Object.values(USAGE);
  return [
    "usage: npm run --silent cli -- COMMAND FILES... [options]   (a FILE of - reads standard input)",
    "",
    ...lines.map((l) => `  ${l.replace(/\n/g, "\n  ")}`),
    ...(one
      ? []
      : [
          "",
          `Files are UTF-8 text, up to ${MAX_INPUT_MB} MB each and in all. Exit: 0 done, 1 validate found an error,`,
          "2 usage error, unreadable file or script error, 3 internal error (please report it).",
        ]),
  ].join("\n");
}
