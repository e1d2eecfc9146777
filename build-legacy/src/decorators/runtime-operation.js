import { getConfig } from '../configure.js';
import { snapshot } from '../recorder/snapshot.js';
import { createDecorator, wrapFunction } from './decorate.js';
import { validateOptions } from './options.js';
import { makeSpec } from './spec.js';
const validate = (options) => validateOptions('runtimeOperation', options, { actions: 'function' });
function behaviour(options) {
    const actions = options.actions;
    return {
        start: actions === undefined
            ? undefined
            : (call, _self, args) => {
                call.detail = { actions: snapshot(actions([...args]), getConfig().maxPayloadBytes) };
            },
        fields: (call) => {
            const recorded = call.detail?.actions;
            return { actions: Array.isArray(recorded) ? recorded : recorded === undefined ? [] : [recorded] };
        },
    };
}
const runtimeSpec = (member, options) => makeSpec('runtime', member, options, behaviour(options));
const decorator = createDecorator('runtimeOperation', validate, runtimeSpec);
export function runtimeOperation(...args) {
    return decorator(...args);
}
/**
 * The function form of `@runtimeOperation`.
 *
 * @example
 * const readFileTool = withRuntimeOperation({ name: 'read_file' }, (path: string) => fs.readFileSync(path, 'utf8'));
 */
export function withRuntimeOperation(options, fn) {
    const checked = validate(options);
    return wrapFunction('withRuntimeOperation', fn, runtimeSpec(fn.name || 'runtime', checked));
}
//# sourceMappingURL=runtime-operation.js.map