import { z } from 'zod';
import { normalisePlate, PLATE_MAX_LENGTH } from './plate';

/** Request-side plate: accepts what a person typed, yields the canonical plate or a plain-words error. */
export const PlateInputSchema = z
  .string({ error: 'plate-needed' })
  .transform(normalisePlate)
  .pipe(
    z
      .string()
      .min(1, 'plate-needed')
      .max(PLATE_MAX_LENGTH, 'plate-too-long')
      .regex(/^[A-Z0-9]+$/, 'plate-characters'),
  );
