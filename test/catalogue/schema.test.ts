import { deref, resolvePointer } from '../../nodes/Kie/catalogue/pointer';
import { allFieldNames, findField, interpretDocument } from '../../nodes/Kie/catalogue/schema';
import { realDocument } from './documents';

describe('$ref as KIE writes it', () => {
	it('resolves a percent-encoded key with spaces (seedance "response not with recordId")', () => {
		const doc = realDocument('bytedance/seedance-1.5-pro');
		const target = resolvePointer(doc, '#/components/schemas/response%20not%20with%20recordId');
		expect(target).toBeDefined();
		expect(target).toBe((doc.components as { schemas: Record<string, unknown> }).schemas['response not with recordId']);
	});

	it('keeps a trailing space (veo "Error ") and does not resolve the trimmed key', () => {
		const doc = realDocument('veo-3-1');
		expect(resolvePointer(doc, '#/components/responses/Error ')).toBeDefined();
		expect(resolvePointer(doc, '#/components/responses/Error%20')).toBeDefined();
		expect(resolvePointer(doc, '#/components/responses/Error')).toBeUndefined();
	});

	it('unescapes ~1 and ~0 after percent-decoding', () => {
		const doc = { a: { 'x/y': { 'p~q': 1 } } };
		expect(resolvePointer(doc, '#/a/x~1y/p~0q')).toBe(1);
		expect(resolvePointer(doc, '#/a/x%7E1y/p~0q')).toBe(1);
	});

	it('keeps sibling keys of a $ref and says which $ref is broken', () => {
		const doc = realDocument('veo-3-1');
		const resolved = deref(doc, { $ref: '#/components/responses/Error ', description: 'mine' }) as Record<string, unknown>;
		expect(resolved.description).toBe('mine');
		expect(resolved.content).toBeDefined();
		expect(() => deref(doc, { $ref: '#/components/responses/Error' })).toThrow('"#/components/responses/Error"');
	});
});

describe('interpretDocument on real KIE documents', () => {
	it('veo-3-1: a Market task with integer enum, a deprecated field and a URL list', () => {
		const model = interpretDocument(realDocument('veo-3-1'));
		expect(model.kind).toBe('task');
		expect(model.path).toBe('/api/v1/jobs/createTask');
		expect(model.callbackField).toBe('callBackUrl');
		expect(model.input?.branches).toHaveLength(1);
		const branch = model.input!.branches[0];
		expect(branch.required).toEqual(expect.arrayContaining(['prompt']));
		expect(findField(model.input, 'enable_fallback')?.deprecated).toBe(true);
		const images = findField(model.input, 'image_urls');
		expect(images).toMatchObject({ type: 'array', isUrl: true, items: { type: 'string' } });
		expect(findField(model.input, 'aspect_ratio')).toMatchObject({ enum: ['16:9', '9:16', 'Auto'], default: '16:9' });
		expect(findField(model.input, 'prompt')?.description).toContain('Text prompt');
		const duration = findField(model.input, 'duration');
		if (duration?.enum) expect(duration.enum.every((value) => typeof value === 'number')).toBe(true);
	});

	it('seedance-1.5-pro: nullable/example (3.0 keywords), format uri, maxItems, required list', () => {
		const model = interpretDocument(realDocument('bytedance/seedance-1.5-pro'));
		expect(model.kind).toBe('task');
		const branch = model.input!.branches[0];
		expect(branch.required).toEqual(['prompt', 'aspect_ratio', 'duration']);
		expect(findField(model.input, 'input_urls')).toMatchObject({ type: 'array', maxItems: 2, isUrl: true, items: { format: 'uri' } });
		expect(findField(model.input, 'prompt')).toMatchObject({ minLength: 3, maxLength: 20000 });
		expect(findField(model.input, 'duration')).toMatchObject({ type: 'number' });
		expect(allFieldNames(model.input!)).toEqual(
			expect.arrayContaining(['prompt', 'input_urls', 'aspect_ratio', 'resolution', 'duration', 'fixed_lens', 'generate_audio', 'nsfw_checker']),
		);
	});

	it('gpt-image-2-text-to-image: enums without defaults, min/max length', () => {
		const model = interpretDocument(realDocument('gpt-image-2-text-to-image'));
		expect(model.kind).toBe('task');
		expect(model.input!.branches[0].required).toEqual(['prompt']);
		expect(findField(model.input, 'resolution')).toMatchObject({ enum: ['1K', '2K', '4K'] });
		expect(findField(model.input, 'resolution')?.default).toBeUndefined();
		expect(findField(model.input, 'prompt')).toMatchObject({ minLength: 1, maxLength: 20000 });
	});

	it('null document: usable unchecked', () => {
		expect(interpretDocument(null)).toEqual({ kind: 'unchecked' });
	});

	it('a chat path is a synchronous model; a family create path is that family', () => {
		const body = { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { prompt: { type: 'string' }, callBackUrl: { type: 'string' } }, required: ['prompt'] } } } } };
		expect(interpretDocument({ paths: { '/claude/v1/messages': { post: body } } })).toMatchObject({ kind: 'chat', path: '/claude/v1/messages' });
		const runway = interpretDocument({ paths: { '/api/v1/runway/generate': { post: body } } });
		expect(runway).toMatchObject({ kind: 'family', family: 'runway', method: 'POST', callbackField: 'callBackUrl' });
		// The callback URL is the node's to set, not a form field.
		expect(allFieldNames(runway.input!)).toEqual(['prompt']);
	});

	it('a GET family endpoint takes its query parameters as input (Veo 1080p)', () => {
		const doc = {
			paths: {
				'/api/v1/veo/get-1080p-video': {
					get: { parameters: [{ name: 'taskId', in: 'query', required: true, schema: { type: 'string' } }, { name: 'index', in: 'query', schema: { type: 'integer' } }] },
				},
			},
		};
		const model = interpretDocument(doc);
		expect(model).toMatchObject({ kind: 'family', family: 'veo', method: 'GET' });
		expect(model.input!.branches[0]).toMatchObject({ required: ['taskId'] });
	});

	it('an input declared as oneOf gives one branch per alternative, each with its own required list', () => {
		const doc = {
			paths: {
				'/api/v1/jobs/createTask': {
					post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Body' } } } } },
				},
			},
			components: {
				schemas: {
					Body: { type: 'object', properties: { model: { type: 'string' }, input: { oneOf: [{ $ref: '#/components/schemas/By%20Task' }, { $ref: '#/components/schemas/ByImage' }] } } },
					'By Task': { type: 'object', title: 'From a task', required: ['task_id'], properties: { task_id: { type: 'string' } } },
					ByImage: { type: 'object', required: ['image_url'], properties: { image_url: { type: 'string', format: 'uri' }, prompt: { type: ['string', 'null'] } } },
				},
			},
		};
		const model = interpretDocument(doc);
		expect(model.input!.branches.map((branch) => branch.title)).toEqual(['From a task', 'Option 2 (image_url)']);
		expect(model.input!.branches[1].fields.find((field) => field.name === 'prompt')).toMatchObject({ type: 'string', nullable: true });
	});
});
