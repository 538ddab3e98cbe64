import { callServer } from '../lib/server';
import { mountWriteOff } from '../writeOff';

void mountWriteOff(document.getElementById('app')!, callServer);
