def complete(provider, prompt):
    raise NotImplementedError(provider)
