"""Processing provider and algorithms of hamm_mobility (thin: parameters in, logic, sink out)."""
