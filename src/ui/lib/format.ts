export { formatMoney } from '../../core/money';
export { formatDisplayDate } from '../../core/calendar';
