"""The report grammar, shipped as package data (ccmlint.grammar); see ccmlint/parse/grammar.py."""
