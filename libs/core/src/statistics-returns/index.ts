export * from './return-figures.sql';
export * from './return-periods.service';
export * from './return-view';
export * from './returns-board.service';
export * from './statistics-returns.service';
export * from './return-settings.service';
