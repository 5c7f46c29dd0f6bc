import CharterCore
print("charter \(Charter.version)")
