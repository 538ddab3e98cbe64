import { callServer } from '../lib/server';
import { mountRecordSessions } from '../recordSessions';

void mountRecordSessions(document.getElementById('app')!, callServer);
