-- A file the storage tests upload and download again: its content is never run here.
select * from app_student;
