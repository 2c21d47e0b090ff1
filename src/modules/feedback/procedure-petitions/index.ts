/**
 * Petitions about administrative procedures (phản ánh, kiến nghị về TTHC): feedback reports in a
 * petition category, linked to a procedure and optionally a dossier, judged on the national PAKN
 * clocks and counted for Decision 766 indicators 5.1–5.4. See README.md.
 */
export { petitionMigrations } from './migrations.js';
export { registerPetitionRoutes } from './routes.js';
export { seedDemoPetitions } from './seed-demo.js';
export { checkPetition, recordPetition, type PetitionLinks } from './intake.js';
export { petitionFigures, dossiersWithPetition, type PetitionFigures, type PetitionPeriod } from './figures.js';
export { PETITION_CLOCKS, clockDue, onTime } from './clocks.js';
