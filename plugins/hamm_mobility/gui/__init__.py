"""Thin widgets of hamm_mobility."""
