"""All computation behind the site: one module per page under ``scripts.pages``."""
