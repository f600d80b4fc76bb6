"""Processing provider and algorithms of hamm_twin."""
