"""The Processing provider of hamm_lorawan."""

import os

from hamm_core.processing.base import HammProvider

from .algorithms import CalibrateAlgorithm, CoverageAlgorithm, LinkBudgetAlgorithm, SitingAlgorithm


class LoRaWANProvider(HammProvider):
    PROVIDER_ID = "hamm_lorawan"
    TITLE = "LoRaWAN"
    PLUGIN_ID = "hamm_lorawan"
    ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "icon.svg")
    ALGORITHMS = [CoverageAlgorithm, LinkBudgetAlgorithm, SitingAlgorithm, CalibrateAlgorithm]
