"""The wizard's pages, one module each; every flow is a sequence of them (flow_state.FLOW_PAGES)."""
