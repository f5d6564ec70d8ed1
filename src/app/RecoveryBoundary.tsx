// Catches what throws while React renders a subtree (a render, an effect, a lazy chunk) and shows
// `fallback` instead of leaving the page blank. The parent recovers by giving the boundary a new `key`.
import { Component, type ReactNode } from "react";

interface Props {
  children: ReactNode;
  fallback(error: unknown): ReactNode;
}

interface State {
  /** Boxed: `throw null` is still a failure. */
  caught: { error: unknown } | null;
}

export class RecoveryBoundary extends Component<Props, State> {
  override state: State = { caught: null };

  static getDerivedStateFromError(error: unknown): State {
    return { caught: { error } };
  }

  override render(): ReactNode {
    return this.state.caught ? this.props.fallback(this.state.caught.error) : this.props.children;
  }
}
