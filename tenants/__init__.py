"""Regions (tenants), their domains, and the provisioning of a region."""
