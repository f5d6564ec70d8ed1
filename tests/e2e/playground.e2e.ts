// The playground in a real Chromium, as a person uses it: the default scenario, a request delivered,
// externalTrafficPolicy Local dropping at a node without pods, a node failing and healing, a YAML error
// shown at its line, undo, a reload that keeps the work, an IPv6 cluster behind a proxy load balancer, a
// pod's DNS lookup narrated packet by packet, and a Service's rules in nftables mode.
// Screenshots land in test-results/.
import { mkdirSync, readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, servePreview } from "./support/browser";
import { PlaygroundPage, skipFirstVisit } from "./support/playgroundPage";

let browser: Browser;
let server: { url: string; stop: () => void };
let app: PlaygroundPage;
const SCENARIO = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");

beforeAll(async () => {
  mkdirSync("test-results", { recursive: true });
  server = await servePreview(4174);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});
beforeEach(async () => {
  // Every test starts from the scenario: a fresh context has empty localStorage.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await skipFirstVisit(page);
  app = new PlaygroundPage(page);
  await app.goto(server.url);
});

describe("playground", () => {
  it("loads the default scenario: three nodes, the web Service, the laptop", async () => {
    const texts = (await app.nodeNames()).join("\n");
    for (const name of ["node-1", "node-2", "node-3", "laptop", "web"]) expect(texts).toContain(name);
    await app.screenshot("default-scenario-1280");
  });

  it("sends a request and shows it delivered in the event log", async () => {
    await app.target("192.168.1.3:30080");
    await app.sendRequest();
    const row = await app.logRow(/delivered/);
    expect(row).toMatch(/pod:default\/web|web-/);
    await app.screenshot("request-delivered");
  });

  it("drops at a node without pods under externalTrafficPolicy Local, and says why", async () => {
    await app.inspect("web");
    await app.page
      .getByRole("group", { name: "externalTrafficPolicy" })
      .getByRole("button", { name: "Local" })
      .click();
    await expect
      .poll(
        () =>
          app.page
            .locator(".react-flow__node")
            .allInnerTexts()
            .then((t) => t.join(" ")),
        { timeout: 10_000 },
      )
      .toMatch(/eTP Local|Local/);
    await app.target("192.168.1.2:30080");
    await app.sendRequest();
    const row = await app.logRow(/dropped/);
    expect(row).toMatch(/no local endpoint/i);
    await app.screenshot("etp-local-drop");
  });

  it("times out while a node is down, and delivers again once it recovers", async () => {
    await app.inspect("node-2");
    await app.click("Fail node");
    await app.target("192.168.1.3:30080");
    await app.sendRequest();
    expect(await app.logRow(/lost|timed out/)).toMatch(/node-2/);
    await app.screenshot("node-failed");
    await app.inspect("node-2");
    await app.click("Recover node");
    await app.sendRequest();
    await app.logRow(/delivered/, 60_000);
  });

  it("shows a YAML error at its line and keeps the graph", async () => {
    await app.tab("YAML");
    const editor = app.page.getByRole("textbox", { name: "YAML manifests" });
    await editor.waitFor();
    await editor.click();
    // CodeMirror renders only the lines in view: the text comes from the scenario file instead.
    const line = SCENARIO.split("\n").findIndex((l) => l.includes("nodePort: 30080")) + 1;
    expect(line).toBeGreaterThan(0);
    await app.page.keyboard.press("ControlOrMeta+a");
    await app.page.keyboard.insertText(SCENARIO.replace("nodePort: 30080", "nodePort: 29999"));
    const problem = app.page.locator(".kh-yaml-problem-line").first();
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.innerText()).toBe(`Line ${line}`);
    await expect
      .poll(() => app.page.locator(".kh-yaml-problems, .kh-editor, .kh-sidepanel").first().innerText())
      .toContain("provided port is not in the valid range");
    expect((await app.nodeNames()).join(" ")).toContain("30080");
    await app.screenshot("yaml-error");
  });

  it("undoes a change", async () => {
    await app.inspect("web");
    const local = app.page
      .getByRole("group", { name: "sessionAffinity" })
      .getByRole("button", { name: "ClientIP" });
    await local.click();
    await expect.poll(() => app.page.getByRole("button", { name: "Undo" }).isEnabled()).toBe(true);
    await expect.poll(() => app.inspectedYaml()).toContain("sessionAffinity: ClientIP");
    await app.click("Undo");
    await expect.poll(() => app.inspectedYaml()).not.toContain("sessionAffinity: ClientIP");
  });

  it("restores the work after a reload", async () => {
    await app.inspect("web");
    await app.page
      .getByRole("group", { name: "sessionAffinity" })
      .getByRole("button", { name: "ClientIP" })
      .click();
    await expect.poll(() => app.page.getByRole("button", { name: "Undo" }).isEnabled()).toBe(true);
    await app.page.reload();
    await app.page.locator(".react-flow__node").first().waitFor();
    await app.inspect("web");
    await expect.poll(() => app.inspectedYaml(), { timeout: 10_000 }).toContain("sessionAffinity: ClientIP");
  });

  it("runs an IPv6 cluster behind a proxy load balancer, and says how the balancer delivers", async () => {
    const v6 = SCENARIO.replace("  podCIDR: 10.244.0.0/16\n", "  podCIDR: fd00:10:244::/56\n")
      .replace("  serviceCIDR: 10.96.0.0/12\n", "  serviceCIDR: fd00:10:96::/112\n")
      .replace(
        "  loadBalancerIPPool: 203.0.113.0/24\n",
        "  loadBalancerIPPool: fd00:203::/120\n  loadBalancerMode: Proxy\n",
      )
      .replace("    clusterCIDR: 10.244.0.0/16\n", "    clusterCIDR: fd00:10:244::/56\n")
      .replace("      ip: 192.168.1.10\n", "      ip: fd00:1::10\n")
      .replace(/ {2}podCIDR: 10\.244\.\d\.0\/24\n/g, "")
      .replace(/address: 192\.168\.1\.(\d)/g, "address: fd00:1::$1")
      .replace("  type: NodePort\n", "  type: LoadBalancer\n");
    await app.tab("YAML");
    const editor = app.page.getByRole("textbox", { name: "YAML manifests" });
    await editor.waitFor();
    await editor.click();
    await app.page.keyboard.press("ControlOrMeta+a");
    await app.page.keyboard.insertText(v6);
    const card = app.page.locator(".kh-lb");
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toContain("fd00:203::");
    expect(await card.innerText()).toContain("proxy → NodePorts");
    await expect
      .poll(() => app.nodeNames().then((n) => n.join(" ")), { timeout: 20_000 })
      .toContain("fd00:10:244");
    await app.target("[fd00:203::]:80");
    await app.sendRequest();
    const row = await app.logRow(/delivered/);
    // A proxy's own address is the source the pod sees, behind the NodePort's masquerade of the node.
    expect(row).toMatch(/web-/);
    await app.screenshot("ipv6-proxy-lb");
  });
});

describe("cluster DNS and kube-proxy's mode", () => {
  it(
    "narrates a pod's lookup of a Service name as DNS packets to CoreDNS, then its connection",
    { timeout: 120_000 },
    async () => {
      const page = app.page;
      const from = page.getByRole("combobox", { name: "From" });
      const pod = (await from.locator("option").allTextContents()).find((o) => o.startsWith("web-"))!;
      await from.selectOption({ label: pod });
      await app.target("web:80");
      // Fast, so that the fourteen stops take seconds: each stop still waits for Next.
      await page.getByRole("combobox", { name: "Speed" }).selectOption("10");
      await page.getByRole("button", { name: "Narrate" }).click();
      await app.sendRequest();
      const bar = page.getByRole("region", { name: "Narration" });
      const text = bar.locator(".kh-narration-text");
      const next = bar.getByRole("button", { name: /^Next/ });
      const captions: string[] = [];
      const done = bar.getByRole("button", { name: "Done" });
      // Next is disabled while the packet moves: enabled (or Done), the caption of where it stopped is up.
      const stopped = async () =>
        (await done.isVisible()) || (await next.isEnabled({ timeout: 1000 }).catch(() => false));
      for (let i = 0; i < 30; i++) {
        await expect.poll(stopped, { timeout: 20_000 }).toBe(true);
        captions.push(await text.innerText());
        if (await done.isVisible()) break;
        if (i === 0) await app.screenshot("dns-lookup-narrated");
        await next.click();
      }
      const lookups = captions.filter((c) => c.includes("DNS LOOKUP") || c.includes("DNS lookup"));
      // The query: kube-proxy turns the kube-dns ClusterIP into a CoreDNS pod, which answers.
      expect(lookups.join("\n")).toContain("10.96.0.10:53");
      expect(lookups.join("\n")).toMatch(/coredns-/);
      // Then the connection itself, to web, without the DNS mark.
      const after = captions.slice(captions.indexOf(lookups.at(-1)!) + 1);
      expect(after.length).toBeGreaterThan(0);
      expect(after.join("\n")).not.toMatch(/DNS lookup/i);
      expect(after.join("\n")).toMatch(/default\/web/);
      // CoreDNS is not drawn (kube-system), but its node's box says it is there.
      expect((await app.nodeNames()).join(" ")).toContain("2 kube-system pods");
    },
  );

  it("shows a Service's rules as nft lists them when kube-proxy runs in nftables mode", async () => {
    await app.tab("YAML");
    const editor = app.page.getByRole("textbox", { name: "YAML manifests" });
    await editor.waitFor();
    await editor.click();
    await app.page.keyboard.press("ControlOrMeta+a");
    await app.page.keyboard.insertText(SCENARIO.replace("    mode: iptables\n", "    mode: nftables\n"));
    await app.inspect("web");
    const rules = app.page.locator(".kh-section").filter({ hasText: /kube-proxy rules/ });
    await expect
      .poll(() => rules.innerText(), { timeout: 20_000 })
      .toMatch(/kube-proxy rules \(nftables mode\)/i);
    // The sample packet walks nftables chains, named as kube-proxy's nftables proxier names them.
    expect(await rules.innerText()).toMatch(/services › service-\w{8}-default\/web\/tcp\/http › endpoint-/);
    const list = rules.locator("summary").filter({ hasText: "nft list table ip kube-proxy" });
    await list.click();
    const body = await rules.innerText();
    expect(body).toContain("map service-ips");
    expect(body).toMatch(/numgen random mod 3 vmap/);
    await list.scrollIntoViewIfNeeded();
    await app.screenshot("nftables-rules");
  });
});

describe("blog embed size", () => {
  it("fits a 700 x 450 column", async () => {
    await app.page.setViewportSize({ width: 700, height: 450 });
    await app.page.waitForTimeout(300);
    const graph = await app.page.locator(".kh-graph").boundingBox();
    expect(graph!.width).toBeGreaterThan(600);
    await app.screenshot("embed-700");
  });
});
