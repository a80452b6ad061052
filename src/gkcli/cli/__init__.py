"""The typer layer: parses options, calls the core, hands results to a renderer."""
