"""GUI of hamm_sensors (thin)."""
