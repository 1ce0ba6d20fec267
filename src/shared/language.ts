import { z } from 'zod';

export const LanguageSchema = z.enum(['en-CA', 'fr-CA']);
export type Language = z.infer<typeof LanguageSchema>;
