// How a node's "…" button reaches the graph's context menu without a prop through React Flow.
import { createContext, useContext } from "react";

export interface MenuOpener {
  /** Opens the menu of `id` at a point in the graph container's coordinates (client coordinates). */
  open(id: string, clientX: number, clientY: number): void;
}

export const MenuContext = createContext<MenuOpener>({ open: () => {} });
export const useMenuOpener = () => useContext(MenuContext);
