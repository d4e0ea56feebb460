/**
 * The import rules of the bounded-context layout, checked by `npm run lint` (dependency-cruiser).
 *
 *   shared/kernel/          what every context uses, knowing none of them
 *   shared/<context>/       domain/ (pure) · app/ (use-cases) · adapters/ (AWS, HTTP) · api/ (contracts) ·
 *                           compose.ts (wiring) · index.ts (the only surface another context may import)
 *   shared/catalog/         joins every context's tables for lib/ (CDK) and lib/local/
 *   functions/<context>/    thin Lambda handlers
 *
 * The rules name no context: a new folder under shared/ is a context and is held to them from its first file.
 * `kernel` and `catalog` are the two folders under shared/ that are not contexts.
 *
 * Paths are relative to the directory depcruise runs in (the repo root). `import type` counts (tsPreCompilationDeps):
 * a type-only import of an adapter or of another context's internals is coupling all the same.
 */

/** shared/<x>/ where x is a context, not the kernel or the catalogue. */
const NOT_A_CONTEXT = '^shared/(kernel|catalog)/';
/** Resolved npm modules live under node_modules/ (possibly ../node_modules/ via a symlink); an unresolved one keeps its bare name. */
const AWS_SDK = ['(^|/)node_modules/@aws-(sdk|crypto)/', '^@aws-(sdk|crypto)/'];

/* global module -- a CommonJS file, which the project's ESLint globals (written for ESM) do not cover. */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kernel-knows-no-context',
      severity: 'error',
      comment:
        'The kernel is what every context uses, so it may know none of them: an import from shared/kernel/ into a ' +
        'context or the catalogue makes every context depend on that one, and usually closes a cycle. Move the ' +
        'shared piece into the kernel, or pass it in from the context.',
      from: { path: '^shared/kernel/' },
      to: { path: '^shared/', pathNot: '^shared/kernel/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        "A domain module holds the context's rules and nothing else, so it is testable without I/O and portable " +
        'between handlers: it may import its own domain/, the pure parts of the kernel (money, calendar-date, ' +
        'national-id, policy, payment-methods, clock-and-ids, canonical-json, company-identifiers, iban, saudi-phone, email-address, errors/) and node: built-ins. No npm package (not ' +
        "even zod: validation belongs in api/), no app/, adapters/ or api/, and no other context's domain.",
      from: { path: '^shared/([^/]+)/domain/', pathNot: NOT_A_CONTEXT },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: [
          '^shared/$1/domain/',
          '^shared/kernel/(money|calendar-date|national-id|policy|payment-methods|clock-and-ids|canonical-json|company-identifiers|iban|saudi-phone|email-address)\\.ts$',
          '^shared/kernel/errors/',
        ],
      },
    },
    {
      name: 'aws-sdk-only-in-adapters',
      severity: 'error',
      comment:
        "AWS SDK and AWS Encryption SDK clients belong to adapters: a context's adapters/, the kernel's adapter " +
        'folders (storage, crypto, messaging, idempotency), and lib/ and bin/ (CDK and tooling). Use-cases, domain ' +
        'and api modules depend on ports, so they stay testable without mocks of AWS; compose.ts wires clients by ' +
        'calling an adapter or kernel factory (e.g. createDocumentClient), never by constructing an SDK client ' +
        'itself. A handler importing the SDK is also reported by handlers-stay-thin.',
      from: {
        pathNot: [
          '^shared/[^/]+/adapters/',
          '^shared/kernel/(storage|crypto|messaging|idempotency)/',
          '^lib/',
          '^bin/',
        ],
      },
      to: { path: AWS_SDK },
    },
    {
      name: 'contexts-meet-through-index',
      severity: 'error',
      comment:
        "A context may use another context only through that context's index.ts, its published surface. Reaching " +
        "into another context's domain/, app/, adapters/, api/ or compose.ts couples to internals the owner must " +
        'be free to move; export what you need from its index.ts instead.',
      from: { path: '^shared/([^/]+)/', pathNot: NOT_A_CONTEXT },
      to: { path: '^shared/[^/]+/', pathNot: ['^shared/$1/', NOT_A_CONTEXT, '^shared/[^/]+/index\\.ts$'] },
    },
    {
      name: 'handlers-stay-thin',
      severity: 'error',
      comment:
        "A handler in functions/<context>/ parses the event, calls one of its own context's use-cases (app/) with " +
        "the dependencies its context's compose.ts built, and maps the result. Besides those it may import " +
        "shared/kernel/, shared/catalog/, any context's api/ and index.ts. It never imports adapters/ (wiring is " +
        "compose.ts's job), the AWS SDK, a domain/ directly, or another context's app/.",
      from: { path: '^functions/([^/]+)/' },
      to: {
        path: ['^shared/', ...AWS_SDK],
        pathNot: [NOT_A_CONTEXT, '^shared/[^/]+/index\\.ts$', '^shared/[^/]+/api/', '^shared/$1/app/', '^shared/$1/compose\\.ts$', '^shared/$1/compose-[a-z-]+\\.ts$'],
      },
    },
    {
      name: 'contexts-do-not-import-the-catalog',
      severity: 'error',
      comment:
        "The catalogue joins every context's routes, integrations, schedules, events, error codes and key prefixes " +
        'for lib/ and lib/local/; it imports every context, so a context (or the kernel) importing it depends on ' +
        "all the others and closes a cycle. Import the context's own api/ table instead.",
      from: { path: '^shared/', pathNot: '^shared/catalog/' },
      to: { path: '^shared/catalog/' },
    },
    {
      name: 'no-cycles-between-contexts',
      severity: 'error',
      comment:
        'Modules under shared/ must not import each other in a circle (type-only imports included): a cycle ties ' +
        'the modules on it into one unit that cannot be understood, tested or moved apart, and between contexts ' +
        'it erases the boundary. Break it by moving the shared piece down (into the domain, or the kernel) or by ' +
        'inverting the dependency with a port.',
      from: { path: '^shared/' },
      to: { circular: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are dependencies too: `import type { X } from '../adapters/y.ts'` still couples.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // Tests may reach anywhere to set a scene; the rules are about production code. (node_modules stays in the graph,
    // unfollowed, so that rules can see imports of npm packages.)
    exclude: { path: ['^test/', '^(cdk\\.out|\\.local-cloud|coverage)/', '\\.test\\.ts$'] },
    moduleSystems: ['es6', 'cjs'],
    // Specifiers carry their extension (`./money.ts`); the list also covers the odd extensionless one.
    enhancedResolveOptions: {
      extensions: ['.ts', '.d.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
