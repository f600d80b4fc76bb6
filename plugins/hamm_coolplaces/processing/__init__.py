"""Processing provider and algorithms of the cool places plugin."""
