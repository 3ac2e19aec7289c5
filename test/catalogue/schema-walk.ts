import type { z } from 'zod';
import { shapeOf, typeNameOf, unwrap } from '../../nodes/Kie/catalogue/describe';

export interface VisitedSchema {
	/** Dot path from the input root (`multi_prompt[].duration`). */
	path: string;
	/** The schema with its wrappers (optional, effects…). */
	schema: z.ZodTypeAny;
}

/** Every schema reachable from `root`: the root, object fields, array elements, union options, wrappers. */
export function walkSchemas(root: z.ZodTypeAny): VisitedSchema[] {
	const out: VisitedSchema[] = [];
	const visit = (schema: z.ZodTypeAny, path: string): void => {
		out.push({ path, schema });
		// Record every wrapper layer too (so ZodDefault etc. are seen).
		let layer: z.ZodTypeAny = schema;
		const def = (s: z.ZodTypeAny) =>
			s._def as { innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny; typeName?: string };
		while (def(layer).innerType || def(layer).typeName === 'ZodEffects') {
			layer = (def(layer).innerType ?? def(layer).schema) as z.ZodTypeAny;
			out.push({ path, schema: layer });
		}
		const inner = unwrap(schema);
		switch (typeNameOf(inner)) {
			case 'ZodObject': {
				const shape = shapeOf(inner as z.AnyZodObject);
				for (const key of Object.keys(shape)) visit(shape[key], path ? `${path}.${key}` : key);
				break;
			}
			case 'ZodArray':
				visit((inner as z.ZodArray<z.ZodTypeAny>).element, `${path}[]`);
				break;
			case 'ZodUnion':
				for (const option of (inner._def as { options: z.ZodTypeAny[] }).options)
					visit(option, path);
				break;
			default:
				break;
		}
	};
	visit(root, '');
	return out;
}
