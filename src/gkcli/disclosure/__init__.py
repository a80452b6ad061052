"""Disclosure requests (依申请公开): records, legal answer deadlines, and their YAML files."""
