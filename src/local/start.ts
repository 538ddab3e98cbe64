// `npm start`: until the local workbook runner lands, print the seed's worked schedules from the core.
import { seedScheduleText } from './seedExamples';

console.log("Studio Ledger — the seed document's packages, computed by the billing core\n");
console.log(seedScheduleText());
