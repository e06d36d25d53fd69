"""Where young people can talk: @ease centres and online services, with their time zone, weekly
opening hours, closures and holidays, and whether chat is open now."""
