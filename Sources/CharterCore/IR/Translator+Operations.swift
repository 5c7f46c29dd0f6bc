extension TranslationSession {
    /// Resolves every contract operation of every namespace: parameter, request and response types and the
    /// security scheme its `auth` names. Runs once all declarations are complete.
    func translateOperations() {
        for index in namespaces.indices {
            guard let contract = namespaces[index].contract else { continue }
            namespaces[index].operations = contract.operations.map { operation in
                let parameters = operation.parameters.map { parameter in
                    let type = parameter.schema.flatMap(typeOfUse) ?? .primitive(.string)
                    return IRParameter(
                        name: parameter.name, location: parameter.location,
                        isRequired: parameter.required || parameter.location == .path,
                        type: type, description: parameter.description,
                        constraints: parameter.schema.map { constraints(merged($0), for: type) } ?? IRConstraints())
                }
                let responses = operation.responses.map { response in
                    let schema = response.body?.schema
                    let body = schema.flatMap(standaloneType)
                    var translated = IRResponse(
                        status: response.status, body: body, contentType: response.body?.contentType,
                        description: response.description,
                        headers: response.headers.map { header in
                            let type = header.schema.flatMap(typeOfUse) ?? .primitive(.string)
                            return IRResponseHeader(
                                name: header.name, isRequired: header.required, type: type, description: header.description,
                                constraints: header.schema.map { constraints(merged($0), for: type) } ?? IRConstraints())
                        })
                    if let schema, let body { translated.bodyConstraints = standaloneConstraints(schema, type: body) }
                    return translated
                }
                let scheme = operation.auth.flatMap { auth in contract.securitySchemes.first { $0.name == auth.scheme } }
                let requestSchema = operation.request?.schema
                let requestBody = requestSchema.flatMap(standaloneType)
                var requestConstraints = IRConstraints()
                if let requestSchema, let requestBody { requestConstraints = standaloneConstraints(requestSchema, type: requestBody) }
                return IROperation(
                    contract: operation, parameters: parameters, requestBody: requestBody, requestBodyConstraints: requestConstraints,
                    responses: responses, securityScheme: scheme,
                    documentation: IRDocumentation(
                        title: operation.summary, description: operation.description, origin: operation.location,
                        rootRelativePath: namespaces[index].sourcePath))
            }
        }
    }
}
