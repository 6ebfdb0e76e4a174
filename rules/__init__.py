"""The bundled rule packs, shipped as package data (ccmlint.rules); see ccmlint/engine."""
