"""Processing algorithms of hamm_sensors."""
