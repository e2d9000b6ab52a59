/**
 * The Standard Schema interface (standardschema.dev) that Zod 3.24+, Valibot and ArkType implement.
 * Core validates through it, so Zod stays an optional peer and is never imported here.
 */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** What a Standard Schema's `validate` returns. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };

/** One issue of a failed Standard Schema validation. */
export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** The input type a schema accepts (`z.input<typeof schema>` for Zod). */
export type InferInput<S> = S extends StandardSchema<infer I, unknown> ? I : never;

/** The output type a schema produces (`z.output<typeof schema>` for Zod). */
export type InferOutput<S> = S extends StandardSchema<unknown, infer O> ? O : never;
