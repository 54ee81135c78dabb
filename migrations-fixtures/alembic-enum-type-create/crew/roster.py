def captains(cur):
    cur.execute("SELECT callsign FROM crew WHERE rank = 'CAPTAIN' AND state = 'FLYING'")
    return cur.fetchall()


def admirals(cur):
    # No such label: the type the migration creates has three.
    cur.execute("SELECT callsign FROM crew WHERE rank = 'ADMIRAL'")
    return cur.fetchall()
