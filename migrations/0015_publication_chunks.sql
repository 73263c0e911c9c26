CREATE TABLE `publication_chunks` (
	`version` integer NOT NULL,
	`part` text NOT NULL,
	`seq` integer NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`version`, `part`, `seq`),
	FOREIGN KEY (`version`) REFERENCES `publications`(`version`) ON UPDATE no action ON DELETE cascade
);
