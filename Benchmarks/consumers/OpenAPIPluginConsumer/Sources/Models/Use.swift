// Uses the generated code, so the build has to compile it. (openapi.json is added by Benchmarks/run.)
public typealias AllSchemas = Components.Schemas
