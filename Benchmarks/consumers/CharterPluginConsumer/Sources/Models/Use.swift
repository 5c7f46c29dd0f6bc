// Uses the generated code, so the build has to compile it. (Contracts/ is filled in by Benchmarks/run.)
public typealias FirstContract = Synthetic000V1
