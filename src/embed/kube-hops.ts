// The <kube-hops> script (dist/kube-hops.js): defines the element, once, however often it is loaded.
import { KubeHopsElement } from "./element";
import "./element.css";

if (!customElements.get("kube-hops")) customElements.define("kube-hops", KubeHopsElement);

export { KubeHopsElement };
