print("no database here")
