import { callServer } from '../lib/server';
import { mountRecordPayment } from '../recordPayment';

void mountRecordPayment(document.getElementById('app')!, callServer);
