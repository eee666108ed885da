// owner: see notes
