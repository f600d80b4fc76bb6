"""GUI of hamm_twin (thin): the 'load the digital twin' dialog."""
