"""Processing provider and algorithms of hamm_lorawan (thin QGIS code)."""
