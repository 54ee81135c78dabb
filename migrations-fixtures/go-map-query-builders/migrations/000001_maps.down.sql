DROP TABLE timer_info_maps;
DROP TABLE activity_info_maps;
