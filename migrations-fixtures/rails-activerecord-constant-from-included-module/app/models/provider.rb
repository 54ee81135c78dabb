class Provider
end
