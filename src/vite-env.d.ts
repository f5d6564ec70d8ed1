/// <reference types="vite/client" />

/** The default scenario's cluster, computed when the page is built (tools/firstPicturePlugin.ts). */
declare module "virtual:kube-hops-first-picture" {
  const picture: import("./worker/firstPicture").FirstPicture;
  export default picture;
}
