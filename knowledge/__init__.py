"""Knowledge management (strategy 4.1): the partnership register and the research agenda."""
