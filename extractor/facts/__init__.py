"""Facts (meetings, agreements, appointments) built from linked entities."""
