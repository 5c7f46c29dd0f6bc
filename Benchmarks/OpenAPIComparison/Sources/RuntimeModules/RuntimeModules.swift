// Empty on purpose: building this target builds OpenAPIRuntime and HTTPTypes as modules for Benchmarks/run.
@_exported import OpenAPIRuntime
@_exported import HTTPTypes
