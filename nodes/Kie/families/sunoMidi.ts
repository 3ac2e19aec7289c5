import type { FamilySpec } from './types';
import { SUCCESS_FLAG_0_3, SUNO_ERRORS, SUNO_STAGES, SUNO_STRING_STATES } from './vocabulary';

export const sunoMidi: FamilySpec = {
	id: 'sunoMidi',
	displayName: 'Suno MIDI',
	recordPath: '/api/v1/midi/record-info',
	endpoints: [
		{ id: 'suno/midi', path: '/api/v1/midi/generate' },
	],
	statusField: 'successFlag',
	// Undocumented: accept the integer flags of the other derived endpoints as well as the words.
	statusMap: { ...SUNO_STRING_STATES, ...SUCCESS_FLAG_0_3 },
	resultPaths: ['response.midiUrl', 'midiUrl', 'midi_url'],
	resultObjectPaths: ['response.midiData', 'midiData', 'midi_data', 'instruments', 'response.instruments'],
	...SUNO_ERRORS,
	callbackRequired: true,
	typicalSeconds: 60,
	taskIds: { style: 'hex', lookupRank: 12 },
	category: 'audio',
	callback: SUNO_STAGES,
	detect: {
		shapes: [{ order: 30, tests: [{ has: ['instruments', 'midiData', 'midi_data'], at: 'data' }], reason: 'data.instruments (Suno MIDI)' }],
		bareFailureRank: 8,
	},
};
